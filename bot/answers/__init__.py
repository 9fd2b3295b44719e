"""The use-cases: whosaid, context and check, where the pure core meets the store.

``whosaid`` (who said these words), ``context`` (a quote in its paragraph, a speaker's
record), ``check`` (every quote of a draft); ``quotes``, ``reported`` and ``marked`` find the
three kinds of hit (words in marks with a speaker, reported speech, marked words nobody is
named for); ``words`` holds the words answers use everywhere. Nothing is imported here, so
``bot.answers.words`` costs no search machinery.
"""
