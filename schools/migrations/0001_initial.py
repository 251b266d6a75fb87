# Schools move out of the supervision app (issue: one house with clear rooms).

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('supervision', '0003_default_tools'),
    ]

    operations = [
        # Schools and clusters already exist as supervision_school / supervision_cluster: this app takes
        # them over in the migration state only; 0002 renames the tables, so no row is copied or lost.
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Cluster',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='ชื่อกลุ่มโรงเรียน')),
                        ('note', models.TextField(blank=True, verbose_name='หมายเหตุ')),
                        ('responsible_supervisors', models.ManyToManyField(blank=True, related_name='clusters_responsible', to=settings.AUTH_USER_MODEL, verbose_name='ศึกษานิเทศก์ผู้รับผิดชอบ')),
                    ],
                    options={
                        'db_table': 'supervision_cluster',
                        'verbose_name': 'กลุ่มโรงเรียน',
                        'verbose_name_plural': 'กลุ่มโรงเรียน',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='School',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=10, unique=True, validators=[django.core.validators.RegexValidator('^\\d{10}$', 'รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก')], verbose_name='รหัสสถานศึกษา (10 หลัก)')),
                        ('smis_code', models.CharField(blank=True, max_length=8, validators=[django.core.validators.RegexValidator('^\\d{8}$', 'รหัส SMIS ต้องเป็นตัวเลข 8 หลัก')], verbose_name='รหัส SMIS (8 หลัก)')),
                        ('percode', models.CharField(blank=True, max_length=6, validators=[django.core.validators.RegexValidator('^\\d{6}$', 'รหัส Percode ต้องเป็นตัวเลข 6 หลัก')], verbose_name='รหัส Percode (6 หลัก)')),
                        ('name', models.CharField(max_length=200, verbose_name='ชื่อสถานศึกษา')),
                        ('level_kindergarten', models.BooleanField(default=False, verbose_name='ระดับอนุบาล')),
                        ('level_primary', models.BooleanField(default=False, verbose_name='ระดับประถมศึกษา')),
                        ('level_extended', models.BooleanField(default=False, verbose_name='ขยายโอกาส (ม.1–3)')),
                        ('level_secondary', models.BooleanField(default=False, verbose_name='ระดับมัธยมศึกษา')),
                        ('address', models.CharField(blank=True, max_length=300, verbose_name='ที่อยู่ (เลขที่ หมู่ ถนน)')),
                        ('subdistrict', models.CharField(blank=True, max_length=100, verbose_name='ตำบล')),
                        ('district', models.CharField(blank=True, db_index=True, max_length=100, verbose_name='อำเภอ')),
                        ('province', models.CharField(blank=True, max_length=100, verbose_name='จังหวัด')),
                        ('postal_code', models.CharField(blank=True, max_length=5, verbose_name='รหัสไปรษณีย์')),
                        ('latitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='ละติจูด')),
                        ('longitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='ลองจิจูด')),
                        ('principal_name', models.CharField(blank=True, max_length=200, verbose_name='ชื่อผู้บริหารสถานศึกษา')),
                        ('phone', models.CharField(blank=True, max_length=60, verbose_name='โทรศัพท์')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='อีเมล')),
                        ('pupils', models.PositiveIntegerField(default=0, verbose_name='จำนวนนักเรียน')),
                        ('teachers', models.PositiveIntegerField(default=0, verbose_name='จำนวนครู')),
                        ('is_active', models.BooleanField(default=True, verbose_name='เปิดสอน')),
                        ('cluster', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='schools', to='schools.cluster', verbose_name='กลุ่มโรงเรียน')),
                    ],
                    options={
                        'db_table': 'supervision_school',
                        'verbose_name': 'สถานศึกษา',
                        'verbose_name_plural': 'สถานศึกษา',
                        'ordering': ['name'],
                    },
                ),
                migrations.AddField(
                    model_name='cluster',
                    name='chair',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='schools.school', verbose_name='ประธานกลุ่ม (ผู้บริหารโรงเรียน)'),
                ),
                migrations.AddField(
                    model_name='cluster',
                    name='vice_chair',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='schools.school', verbose_name='รองประธานกลุ่ม (ผู้บริหารโรงเรียน)'),
                ),
                migrations.AddIndex(
                    model_name='school',
                    index=models.Index(fields=['cluster', 'name'], name='supervision_cluster_23c7f9_idx'),
                ),
            ],
        ),
    ]
