"""The web editor at /admin/: its page and the editor configuration generated from the schemas."""
