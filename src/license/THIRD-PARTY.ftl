<#--
  THIRD-PARTY.txt of zrefresh: license-maven-plugin (pom.xml) renders this template with the dependency tree.
  licenseMap: licence -> the dependencies under it; dependencyMap: dependency -> its licences (SPDX ids after the
  POM's licenseMerges). texts/<groupId>.txt holds the licence texts and notices of a group's artifacts: included
  when present, and required for BSD and MIT licences, whose terms ask binary distributions to reproduce them.
-->
<#function coordinates p>
  <#return p.groupId + ":" + p.artifactId + ":" + p.version>
</#function>
zrefresh is distributed under the Apache License 2.0 (the file LICENSE). It includes the
third-party software listed below: in zrefresh.jar, and compiled into the native binaries.
Their licence texts and the notices their licences require follow the list; the text of
the Apache License 2.0 is the file LICENSE, which every archive carries (META-INF/LICENSE
in the jar).

<#list licenseMap as entry>
  <#if entry.getValue()?size gt 0>
${entry.getKey()}
    <#list entry.getValue() as p>
  ${p.name} (${coordinates(p)})<#if p.url??> ${p.url}</#if>
    </#list>

  </#if>
</#list>
<#assign included = []>
<#list dependencyMap as entry>
  <#assign p = entry.getKey()>
  <#assign licences = entry.getValue()>
  <#if !included?seq_contains(p.groupId)>
    <#assign text = .get_optional_template("texts/" + p.groupId + ".txt", {"parse": false})>
    <#if text.exists>
================================================================================
${p.groupId}
================================================================================

<@text.include/>

      <#assign included = included + [p.groupId]>
    <#elseif licences?seq_contains("BSD-3-Clause") || licences?seq_contains("MIT")>
      <#stop "No licence text for " + coordinates(p) + " (" + licences?join(", ") + "): add src/license/texts/" + p.groupId + ".txt">
    </#if>
  </#if>
</#list>
