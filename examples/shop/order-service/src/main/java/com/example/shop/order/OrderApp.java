package com.example.shop.order;

import com.example.shop.shared.Greeting;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A small HTTP service: GET /health answers UP, any other path a greeting. */
public class OrderApp {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8081"));
    String body = Greeting.hello("order-service") + " mode=" + System.getenv("APP_MODE");
    try (ServerSocket server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress())) {
      System.out.println("order-service listening on 127.0.0.1:" + port);
      while (true) {
        try (Socket socket = server.accept()) {
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          String request = in.readLine();
          for (String line = in.readLine(); line != null && !line.isEmpty(); ) {
            line = in.readLine();
          }
          String text = request != null && request.startsWith("GET /health") ? "UP" : body;
          byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
          OutputStream out = socket.getOutputStream();
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          out.write(bytes);
        }
      }
    }
  }
}
