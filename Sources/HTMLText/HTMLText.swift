// Placeholder: HTML to text over libxml2 (issue 3).
