package dev.dockyard.dockerfile;

import java.util.List;

/**
 * Where the plugin laid out one module's application for a generated Dockerfile: context-relative
 * folders, each copied by one instruction (one layer); null or blank means "none".
 *
 * @param libs folders of release dependency jars, one layer each, in order
 * @param snapshotLibs folder of SNAPSHOT dependency jars
 * @param resources folder of resources
 * @param classes folder of compiled classes
 * @param volatileResources folder of resources rewritten by every build ({@code
 *     build-info.properties}, {@code git.properties}), copied last
 * @param classpathJars the jar file names in Maven's classpath order; empty for {@code libs/*}
 */
public record ApplicationFolders(
    List<String> libs,
    String snapshotLibs,
    String resources,
    String classes,
    String volatileResources,
    List<String> classpathJars) {

  public ApplicationFolders {
    libs = SettingValues.folders(libs);
    snapshotLibs = SettingValues.folder(snapshotLibs);
    resources = SettingValues.folder(resources);
    classes = SettingValues.folder(classes);
    volatileResources = SettingValues.folder(volatileResources);
    classpathJars = SettingValues.droppingBlanks(classpathJars);
  }

  /** No folders: the image holds what the base image and the entrypoint bring. */
  public static ApplicationFolders none() {
    return new ApplicationFolders(null, null, null, null, null, null);
  }
}
