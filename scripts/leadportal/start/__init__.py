"""Start here (/start/): a path for each stage and role, from the first question to a request
for help: the next steps, the documents for that stage and role, peer sites further along, and
the technical-assistance form with the answers filled in. Also renders the same steps into the
implementation page."""
