"""Recognise who a person is from what an export gives: a company name and a job title.

Pure functions over text, below the workspace: the industry of an organisation
(:mod:`netanalytics.recognition.companies`), the function and seniority of a title
(:mod:`netanalytics.recognition.titles`), each answer with its source and a reason.
"""
