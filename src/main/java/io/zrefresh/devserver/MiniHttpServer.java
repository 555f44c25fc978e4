package io.zrefresh.devserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/** A small HTTP/1.1 server on a plain ServerSocket bound to 127.0.0.1: one daemon thread per connection. */
final class MiniHttpServer implements AutoCloseable {

    private static final int BACKLOG = 128;

    private final ServerSocket serverSocket;
    private final HttpConnection.Handler handler;
    private final RequestLog log;
    private final ExecutorService connectionThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "zrefresh-dev-server-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();

    private MiniHttpServer(ServerSocket serverSocket, HttpConnection.Handler handler, RequestLog log) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.log = log;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts accepting connections. */
    static MiniHttpServer start(int port, HttpConnection.Handler handler, RequestLog log) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), BACKLOG);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
        MiniHttpServer server = new MiniHttpServer(serverSocket, handler, log);
        Thread acceptor = new Thread(server::acceptConnections, "zrefresh-dev-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptConnections() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                continue; // closed by close(): the loop ends; anything else: keep serving
            }
            openSockets.add(socket);
            try {
                connectionThreads.execute(new HttpConnection(
                        socket, connectionIds.incrementAndGet(), handler, log, () -> openSockets.remove(socket)));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket); // the server closed while this connection was being accepted
            }
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        closeQuietly(serverSocket);
        connectionThreads.shutdownNow();
        openSockets.forEach(MiniHttpServer::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on shutdown: a socket that fails to close is gone anyway
        }
    }
}
