package it.compose;

import it.compose.web.TinyServer;

public class App {
  public static void main(String[] args) throws Exception {
    TinyServer.serve("orders");
  }
}
