# {{jreleaserCreationStamp}}
{{#brewRequireRelative}}
require_relative "{{.}}"
{{/brewRequireRelative}}

class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  version "{{projectVersion}}"
  license "{{projectLicense}}"

  {{brewMultiPlatform}}

  {{#brewHasLivecheck}}
  livecheck do
    {{#brewLivecheck}}
    {{.}}
    {{/brewLivecheck}}
  end
  {{/brewHasLivecheck}}
  {{#brewDependencies}}
  depends_on {{.}}
  {{/brewDependencies}}

  def install
    libexec.install Dir["*"]
    bin.install_symlink "#{libexec}/bin/{{distributionExecutableUnix}}" => "{{distributionExecutableName}}"
    # JReleaser's formula, plus the completion scripts and man pages that every archive carries
    bash_completion.install "#{libexec}/completions/zrefresh.bash" => "zrefresh"
    zsh_completion.install "#{libexec}/completions/_zrefresh"
    fish_completion.install "#{libexec}/completions/zrefresh.fish"
    man1.install Dir["#{libexec}/man/*.1"]
  end

  test do
    assert_match "zrefresh {{projectVersion}}", shell_output("#{bin}/{{distributionExecutableName}} --version")
    # What a native image gets wrong shows here: the HTTP server and client, JSON, waiting, and a child
    # process that finds this same binary on the PATH.
    output = shell_output("#{bin}/{{distributionExecutableName}} dev-server --job-time 2s " \
                          "--exec 'zrefresh trigger --name ext_books --wait -o json'")
    assert_match '"state": "RefreshCompleted"', output
  end
end
