"""kehoach: Vietnamese government plans (Kế hoạch) into a relational store."""

__version__ = "0.1.0"
