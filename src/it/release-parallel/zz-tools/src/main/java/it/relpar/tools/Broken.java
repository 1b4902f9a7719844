package it.relpar.tools;

// Compiled only with -Dtools.exclude=none.
class Broken {
  int value = ;
}
