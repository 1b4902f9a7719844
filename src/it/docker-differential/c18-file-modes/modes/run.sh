content of c18-file-modes/modes/run.sh
