package it.relfails.mid;

import static org.junit.Assert.assertFalse;

import org.junit.Test;

public class LibTest {
  @Test
  public void passesUnlessToldToFail() {
    assertFalse("-Dfail.mid=true makes this test fail", Boolean.getBoolean("fail"));
  }
}
