package it.boot.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrderApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrderApplication.class, args);
  }

  @org.springframework.context.annotation.Bean
  org.springframework.boot.CommandLineRunner seed() {
    return args -> {
      java.io.File file = new org.springframework.core.io.ClassPathResource("data/seed.txt").getFile();
      System.out.println("order seed " + java.nio.file.Files.readString(file.toPath()).trim() + " from " + file);
    };
  }
}
