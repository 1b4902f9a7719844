package it.compose.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A tiny HTTP service: GET /health answers UP, any other path the service's name and release. */
public final class TinyServer {
  private TinyServer() {}

  /** Serves the service's name, its release (from release.properties) and its config file. */
  public static void serve(String name) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8080"));
    Properties release = new Properties();
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("release.properties")) {
      if (in != null) {
        release.load(in);
      }
    }
    Path config = Path.of("/app/config/greeting.txt");
    String greeting = Files.exists(config) ? Files.readString(config).trim() : "no config";
    String body = name + " " + release.getProperty("version", "-") + " " + greeting;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getByName("127.0.0.1"))) {
      System.out.println(name + " listening on " + port);
      while (true) {
        Socket socket = server.accept();
        pool.submit(() -> answer(socket, body));
      }
    }
  }

  private static void answer(Socket socket, String body) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String request = in.readLine();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // headers are not needed
      }
      String text = request != null && request.startsWith("GET /health") ? "UP" : body;
      byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                  + bytes.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
    } catch (Exception e) {
      System.err.println("request failed: " + e);
    }
  }
}
