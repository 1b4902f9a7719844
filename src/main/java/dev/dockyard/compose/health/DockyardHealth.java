package dev.dockyard.compose.health;

import java.net.HttpURLConnection;
import java.net.URL;

/**
 * The healthcheck of generated compose services: {@code java -cp /opt/dockyard/health
 * dev.dockyard.compose.health.DockyardHealth URL} exits 0 when the URL answers 2xx or 3xx within
 * three seconds, 1 otherwise. It needs only the image's Java runtime (no curl, no wget) and no
 * class but its own: the bundle bind-mounts this one class file read-only.
 */
public final class DockyardHealth {

  private DockyardHealth() {}

  public static void main(String[] args) {
    int status;
    try {
      HttpURLConnection connection = (HttpURLConnection) new URL(args[0]).openConnection();
      connection.setConnectTimeout(3000);
      connection.setReadTimeout(3000);
      connection.setInstanceFollowRedirects(false);
      status = connection.getResponseCode();
      connection.disconnect();
    } catch (Exception e) {
      System.err.println("unhealthy: " + e);
      System.exit(1);
      return;
    }
    if (status < 200 || status >= 400) {
      System.err.println("unhealthy: HTTP " + status + " from " + args[0]);
      System.exit(1);
    }
  }
}
