package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest jib was stopped before pushing, put together again from what it built. */
class RebuiltManifestTest {

  private static final String CONFIG = "sha256:" + "c".repeat(64);
  private static final String LAYER = "sha256:" + "a".repeat(64);

  @TempDir Path tmp;

  @Test
  void theManifestOfAnImageJibBuiltComesOutWithJibsDigest() throws Exception {
    Path cache = tmp.resolve("cache/layers");
    JibContainerBuilder builder = Jib.fromScratch().setProgramArguments(List.of("run"));
    builder.addFileEntriesLayer(layer("libs", "lib.jar", "a library"));
    builder.addFileEntriesLayer(FileEntriesLayer.builder().setName("empty").build());
    builder.addFileEntriesLayer(layer("classes", "App.class", "the classes"));
    Path tarball = tmp.resolve("image.tar");
    JibContainer container =
        builder.containerize(
            Containerizer.to(TarImage.at(tarball).named("rebuilt/manifest:1"))
                .setApplicationLayersCache(cache)
                .setBaseImageLayersCache(tmp.resolve("cache/base")));
    byte[] config = EnvOrder.Tarball.read(tarball).config();
    BlobDescriptor configBlob = new BlobDescriptor(config.length, container.getImageId());
    String digest = container.getDigest().toString();

    List<BlobDescriptor> layers =
        RebuiltManifest.applicationLayers(
                builder.toContainerBuildPlan().getLayers(), Cache.withDirectory(cache))
            .orElseThrow();

    assertThat(layers).as("jib leaves the empty layer out").hasSize(2);
    assertThat(RebuiltManifest.of(configBlob, List.of(), layers, digest))
        .as("the same config and layers give jib's manifest, byte for byte")
        .isPresent();
    assertThat(RebuiltManifest.of(configBlob, List.of(), layers.subList(0, 1), digest))
        .as("a layer missing")
        .isEmpty();
    assertThat(
            RebuiltManifest.of(
                new BlobDescriptor(config.length + 1, container.getImageId()),
                List.of(),
                layers,
                digest))
        .as("a config of another size")
        .isEmpty();
    assertThat(
            RebuiltManifest.applicationLayers(
                builder.toContainerBuildPlan().getLayers(),
                Cache.withDirectory(tmp.resolve("other-cache"))))
        .as("layers not in the cache")
        .isEmpty();
  }

  @Test
  void theConfigBlobIsTheOneJibPushesForTheContainerConfiguration() throws Exception {
    Allocation root = Allocation.newRoot("building image", 3);
    Allocation layer =
        root.newChild("pushing application layers", 1).newChild("pushing blob " + LAYER, 900);
    Allocation config =
        root.newChild(RebuiltManifest.CONFIG_PUSH, 1).newChild("pushing blob " + CONFIG, 5517);
    RebuiltManifest.ConfigBlob seen = new RebuiltManifest.ConfigBlob();

    seen.accept(new ProgressEvent(layer, 900));
    assertThat(seen.get()).as("a layer's blob is not the config").isNull();

    seen.accept(new ProgressEvent(config, 0));
    assertThat(seen.get()).isEqualTo(new BlobDescriptor(5517, DescriptorDigest.fromDigest(CONFIG)));
    assertThat(RebuiltManifest.of(null, List.of(), List.of(), "sha256:" + "0".repeat(64)))
        .as("no config seen: nothing put together")
        .isEmpty();
  }

  private FileEntriesLayer layer(String name, String file, String content) throws Exception {
    Path source = Files.createDirectories(tmp.resolve(name)).resolve(file);
    Files.writeString(source, content);
    return FileEntriesLayer.builder()
        .setName(name)
        .addEntry(source, AbsoluteUnixPath.get("/app/" + name + "/" + file))
        .build();
  }
}
