"""Reading articles from files: formats, metadata and page-furniture removal."""
