"""Suggestions: labels proposed for sentences (cue phrases, and a model learned from the team's
tags once it proves itself), shown as ghosts and written only when the user accepts one."""
