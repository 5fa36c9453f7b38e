"""Reference data files (instruments, catalogues, practice notes) and their loaders."""
