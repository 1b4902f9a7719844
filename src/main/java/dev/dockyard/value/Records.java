package dev.dockyard.value;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Equality and text of dockyard's records, read component by component. A record's own {@code
 * equals} and {@code toString} are linked on their first call through {@code
 * java.lang.runtime.ObjectMethods}, which spins method handles for every record class: some 40 ms
 * for the nested records of a module's configuration, paid in every build (see {@code
 * docs/benchmark.md}). The answers are the same: two records are equal when their components are
 * (records among them compared the same way, any other value with its {@code equals}).
 */
public final class Records {

  private Records() {}

  /** True when the two are equal as their records' {@code equals} would say. */
  public static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass() || !a.getClass().isRecord()) {
      return a != null && a.equals(b);
    }
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      if (!equal(value(component, a), value(component, b))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A text of every component of the record, nested records, lists and maps written out alike
   * ({@code Name[component=value, ...]}, {@code [a, b]}, {@code {key=value}}): the same value gives
   * the same text.
   */
  public static String text(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value.getClass().isRecord()) {
      out.append(value.getClass().getSimpleName()).append('[');
      String separator = "";
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        out.append(separator).append(component.getName()).append('=');
        append(out, value(component, value));
        separator = ", ";
      }
      out.append(']');
    } else if (value instanceof Collection<?> collection) {
      out.append('[');
      String separator = "";
      for (Object element : collection) {
        append(out.append(separator), element);
        separator = ", ";
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        append(out.append(separator), entry.getKey());
        append(out.append('='), entry.getValue());
        separator = ", ";
      }
      out.append('}');
    } else {
      out.append(value);
    }
  }

  private static Object value(RecordComponent component, Object record) {
    Method accessor = component.getAccessor();
    // dockyard's records are not all public; their accessors are, and the module is dockyard's own
    accessor.trySetAccessible();
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "component " + component.getName() + " of " + record.getClass() + " unreadable", e);
    }
  }
}
