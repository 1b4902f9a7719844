package it.relfail.svcc;

// Compiled only with -Dbroken.exclude=none: a service that no longer compiles.
class Broken {
  int value = ;
}
