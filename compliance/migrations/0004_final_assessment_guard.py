"""Database triggers that refuse changes to a final assessment, its answers and its findings.

The model and the services refuse them first; the triggers make sure that a raw UPDATE, a
queryset .update() or another program cannot change a final record either. Deleting stays
possible (an organisation that leaves takes its records with it).
"""

from django.db import migrations

MESSAGE = "kzai: a final assessment cannot change"
CHILD_TABLES = ("compliance_answer", "compliance_answerevent", "compliance_finding")

SQLITE_CREATE = [
    f"""CREATE TRIGGER compliance_assessment_final_guard BEFORE UPDATE ON compliance_assessment
    WHEN OLD.status = 'final' BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
for _table in CHILD_TABLES:
    SQLITE_CREATE += [
        f"""CREATE TRIGGER {_table}_final_guard_insert BEFORE INSERT ON {_table}
        WHEN (SELECT status FROM compliance_assessment WHERE id = NEW.assessment_id) = 'final'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
        f"""CREATE TRIGGER {_table}_final_guard_update BEFORE UPDATE ON {_table}
        WHEN (SELECT status FROM compliance_assessment WHERE id IN (OLD.assessment_id, NEW.assessment_id)
              AND status = 'final') IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    ]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS compliance_assessment_final_guard"] + [
    f"DROP TRIGGER IF EXISTS {table}_final_guard_{op}"
    for table in CHILD_TABLES
    for op in ("insert", "update")
]

POSTGRES_CREATE = [
    f"""CREATE FUNCTION compliance_refuse_final_change() RETURNS trigger AS $$
    BEGIN
        IF TG_TABLE_NAME = 'compliance_assessment' THEN
            IF OLD.status = 'final' THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM compliance_assessment WHERE status = 'final' AND id = NEW.assessment_id)
           OR (TG_OP = 'UPDATE' AND EXISTS (
               SELECT 1 FROM compliance_assessment WHERE status = 'final' AND id = OLD.assessment_id)) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER compliance_assessment_final_guard BEFORE UPDATE ON compliance_assessment
    FOR EACH ROW EXECUTE FUNCTION compliance_refuse_final_change()""",
] + [
    f"""CREATE TRIGGER {table}_final_guard BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION compliance_refuse_final_change()"""
    for table in CHILD_TABLES
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS compliance_assessment_final_guard ON compliance_assessment",
    *[f"DROP TRIGGER IF EXISTS {table}_final_guard ON {table}" for table in CHILD_TABLES],
    "DROP FUNCTION IF EXISTS compliance_refuse_final_change()",
]

STATEMENTS = {"sqlite": (SQLITE_CREATE, SQLITE_DROP), "postgresql": (POSTGRES_CREATE, POSTGRES_DROP)}


def create_guards(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[0]:
        schema_editor.execute(statement)


def drop_guards(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0003_questionnaires_rules_assessments")]

    operations = [migrations.RunPython(create_guards, drop_guards)]
