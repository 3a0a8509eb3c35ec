"""Link types between parties (StoryWeb / FollowTheMoney: OWNER, FAMILY, ANTAGONIST, ...),
read from the sentences that name both by a classifier trained on analysts' labels."""
