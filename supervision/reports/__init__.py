"""Printed reports of the supervision app that gather figures across its sub-domains."""
