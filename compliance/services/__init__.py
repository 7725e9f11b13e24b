"""The workspace's services: plain functions the wizard views, the API, the admin, the loaders
and the PDF report call, so each flow is written once.

- `assessments`: start, answer (one rule for hidden answers), finalise, revise; the default
  questionnaire and as-of date. Also the face of `definition` (reading a questionnaire and
  evaluating answers) and `assessment_data` (an assessment as JSON data).
- `questionnaires`: the checks before publishing, and publishing.
- `results`: what the results page, the PDF report and the API show of the data.
- `liability`: a finding's liability and fines.

Import a module by its name (`from compliance.services import assessments`). Models never
import these; nothing here imports views or the API.
"""
