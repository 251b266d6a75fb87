# School staff membership replaces core.StaffProfile.school; the school directory's document kind is renamed.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_memberships(apps, schema_editor):
    StaffProfile = apps.get_model('core', 'StaffProfile')
    SchoolMembership = apps.get_model('schools', 'SchoolMembership')
    SchoolMembership.objects.bulk_create(
        SchoolMembership(user_id=p.user_id, school_id=p.school_id, position=p.position)
        for p in StaffProfile.objects.exclude(school=None)
    )


def copy_back(apps, schema_editor):
    StaffProfile = apps.get_model('core', 'StaffProfile')
    for m in apps.get_model('schools', 'SchoolMembership').objects.all():
        StaffProfile.objects.filter(user_id=m.user_id).update(school_id=m.school_id)


def rename_document_kind(apps, schema_editor):
    jobs = apps.get_model('core', 'DocumentJob').objects
    jobs.filter(kind='supervision.school_directory').update(kind='schools.school_directory')


def rename_document_kind_back(apps, schema_editor):
    jobs = apps.get_model('core', 'DocumentJob').objects
    jobs.filter(kind='schools.school_directory').update(kind='supervision.school_directory')


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('core', '0003_staffprofile_school_moved'),
        ('schools', '0002_rename_tables'),
    ]

    operations = [
        migrations.CreateModel(
            name='SchoolMembership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.CharField(blank=True, max_length=200, verbose_name='ตำแหน่งในสถานศึกษา')),
                ('school', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='schools.school', verbose_name='สถานศึกษา')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='school_membership', to=settings.AUTH_USER_MODEL, verbose_name='ผู้ใช้')),
            ],
            options={
                'verbose_name': 'บุคลากรสถานศึกษา',
                'verbose_name_plural': 'บุคลากรสถานศึกษา',
            },
        ),
        migrations.RunPython(copy_memberships, copy_back),
        migrations.RunPython(rename_document_kind, rename_document_kind_back),
    ]
