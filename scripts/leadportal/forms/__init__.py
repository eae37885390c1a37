"""Contact forms: each form's page and thank-you page, the form index, and the form script."""
