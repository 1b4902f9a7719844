package it.relpar.tools;

/** A library without dockyard, the reactor's last module. */
public final class Tools {
  private Tools() {}
}
