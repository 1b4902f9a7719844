package dev.dockyard.maven;

import dev.dockyard.compose.BundleException;
import dev.dockyard.report.ReleaseReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the release bundle, {@code target/dockyard/release/}, from the last {@code
 * target/dockyard/release.json} at the execution root, building and pushing nothing: {@code mvn
 * dockyard:compose}. The end of a reactor that pushed writes the same bundle by itself.
 */
@Mojo(name = "compose", aggregator = true, threadSafe = true)
public class ComposeMojo extends DockyardMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    // Not config(): this goal builds nothing, so the end of the reactor has no release to write.
    ModuleConfig config = ModuleConfig.from(this);
    if (config.skip()) {
      getLog().info("Skipping dockyard:compose: dockyard.skip is set (remove -Ddockyard.skip)");
      return;
    }
    Path root = Path.of(session.getExecutionRootDirectory());
    Path file = root.resolve("target").resolve("dockyard").resolve(ReleaseReport.FILE);
    if (!Files.isRegularFile(file)) {
      throw new MojoFailureException(
          "No release to write a bundle for: "
              + file
              + " does not exist; run mvn deploy first (the bundle pins the images a deploy"
              + " pushed)");
    }
    ReleaseReport.Release release;
    try {
      release = ReleaseReport.read(file);
    } catch (IOException e) {
      throw new MojoFailureException(
          "Cannot read " + file + ": " + e.getMessage() + "; run mvn deploy again to rewrite it",
          e);
    }
    ReactorState.BundleSettings settings = config.release().bundle().written();
    try {
      new BundleWriter(settings, session.getTopLevelProject(), session.getUserProperties())
          .write(release.modules(), file, getLog());
    } catch (BundleException e) {
      throw new MojoFailureException(SettingNames.render(e.getMessage()), NamedCause.of(e));
    }
  }
}
