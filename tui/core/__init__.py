"""The domain core of newstag: articles, sentences, labels, tags, search. Never imports Textual."""
