package it.drun.staged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class StagedApp {
  public static void main(String[] args) throws IOException {
    System.out.println(Files.readString(Path.of("/app/stage.txt")).trim());
  }
}
