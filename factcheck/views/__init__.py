"""The reader face, split by audience.

``pages``: the HTML site for readers; ``partners``: the ClaimReview JSON
feed and oEmbed for other sites and machines; ``sharing``: the share image
and the embeddable card; ``history``: a fact-check's public versions;
``reader_messages``: the forms readers write to the desk with. All of them read; only ``reader_messages`` writes (through
``inbox``), and none changes an article.
"""
