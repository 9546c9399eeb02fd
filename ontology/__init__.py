"""The newskg ontology (OWL) and SHACL shapes, in Turtle."""
