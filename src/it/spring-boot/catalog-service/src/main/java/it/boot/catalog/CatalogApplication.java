package it.boot.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CatalogApplication {

  public static void main(String[] args) {
    SpringApplication.run(CatalogApplication.class, args);
  }

  @org.springframework.context.annotation.Bean
  org.springframework.boot.CommandLineRunner report(javax.sql.DataSource dataSource) {
    return args -> {
      try (var connection = dataSource.getConnection()) {
        System.out.println("catalog database " + connection.getMetaData().getDatabaseProductName());
      }
    };
  }
}
