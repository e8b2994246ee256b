"""アンケート (issue 21): imported from form exports, summed up."""
