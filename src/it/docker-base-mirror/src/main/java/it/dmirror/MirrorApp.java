package it.dmirror;

import java.nio.file.Files;
import java.nio.file.Path;

public class MirrorApp {
  public static void main(String[] args) throws Exception {
    System.out.println(Files.readString(Path.of("/made.txt")).trim());
  }
}
