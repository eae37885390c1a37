"""Records: read the YAML with positions, validate against the models, collect every problem
with file:line; the settings and vocabularies of mkdocs.yml; JSON Schemas; new-record scaffolds."""
