package dev.dockyard.select;

import dev.dockyard.setting.SettingException;

/** A {@code dockyard.modules} value the user can fix. */
public class SelectionException extends SettingException {

  private static final long serialVersionUID = 1L;

  public SelectionException(String what, String badValue, String where, String fix) {
    super(what, badValue, where, fix);
  }
}
