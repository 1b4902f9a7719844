package it.sel.report;

public class ReportJob {
  public static void main(String[] args) {
    System.out.println("report-job says hi");
  }
}
