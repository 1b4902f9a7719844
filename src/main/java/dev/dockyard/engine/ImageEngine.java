package dev.dockyard.engine;

/** Builds an image from a rendered Dockerfile and sends it to a target. */
public interface ImageEngine {

  /** The engine's name as {@code image.json} records it. */
  String name();

  /** Builds the image and writes it to the target (a tarball, or the registry with every tag). */
  ImageResult build(ImageRequest request, Target target) throws EngineException;
}
