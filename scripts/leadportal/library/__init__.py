"""The resource library: the catalogue of documents, its faceted list, document and topic
pages, and the library's Atom feed."""
