"""The pipeline: generate every output from the records, generated pages for MkDocs, search
text, publishing into a temporary folder and swapping it in, the link check."""
