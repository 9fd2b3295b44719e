"""The command line: parser and commands, terminal rendering, the benchmark."""
