"""Attribution: who said each quote, by an ordered list of named sieves over a reading state.

- ``model``: a sentence as read, a quote's place in it, an attribution;
- ``state``: what has been read (names resolved, focus, who spoke where), in a bounded window;
- ``resolve``: mention → speaker (names, pronouns through the focus, role nouns);
- ``grammar``, ``clauses``, ``subjects``: which word is a reporting verb, whose verb it is;
- ``sieves``: the rules, one job each, in order; ``reported``: reported speech;
- ``attributor``: one article's state and decisions, shared by the sieves.

Anything no sieve can justify stays unattributed.
"""
