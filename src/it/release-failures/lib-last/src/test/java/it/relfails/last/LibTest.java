package it.relfails.last;

import static org.junit.Assert.assertFalse;

import org.junit.Test;

public class LibTest {
  @Test
  public void passesUnlessToldToFail() {
    assertFalse("-Dfail.last=true makes this test fail", Boolean.getBoolean("fail"));
  }
}
