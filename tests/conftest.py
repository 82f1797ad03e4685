"""Settings shared by the tests."""

from hypothesis import settings

# Speed is measured by `make bench`, never asserted in tests: no time limit per example,
# which a slow or busy CI machine would trip over.
settings.register_profile("nnlib", deadline=None)
settings.load_profile("nnlib")
