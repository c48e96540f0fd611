import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Result, Skeleton } from 'antd';
import { ApiError, type Id } from '../../api';
import { projectsApi } from '../../api-projects';
import { queryClient } from '../../queries/client';
import { invalidateProjects, projectQuery } from '../../features/projects/queries';
import { errorMessage, keepEnterFromSubmitting } from '../../forms';
import { useI18n } from '../../i18n';
import { useProjectsI18n } from '../../i18n-projects';
import { navigate } from '../../router';
import { useParams } from '@tanstack/react-router';
import { useSession } from '../../session';
import { subtreeIds } from '../../units';
import { useUnits } from '../../useUnits';
import { PageHeader } from '../../components/PageHeader';
import { inputFromValues, placeProjectError, valuesFromProject, type ProjectFormValues } from './formValues';
import { FactorsSection, InvestmentSection, ScheduleSection, TagsSection } from './ProjectFormMore';
import { BasicSection, PartiesSection } from './ProjectFormSections';
import { DuplicateWarning } from './DuplicateWarning';
import { useIndustries } from './shared';

/** New project (/projects/new) or edit one (/projects/:id/edit), in the groups of the detail page. */
export function ProjectFormPage() {
  // /projects/new has no id; /projects/$id/edit has one.
  const { id } = useParams({ strict: false });
  const creating = id === undefined;
  const { tp } = useProjectsI18n();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const { units, roots, loading: unitsLoading } = useUnits();
  const industries = useIndustries();
  const [form] = Form.useForm<ProjectFormValues>();
  const query = useQuery({ ...projectQuery(id ?? ''), enabled: !creating });
  const project = creating ? null : (query.data ?? null);
  const loadError = query.error
    ? { status: query.error instanceof ApiError ? query.error.status : 0, message: errorMessage(query.error) }
    : null;
  const [busy, setBusy] = useState(false);

  // A unit editor files projects for their own unit and the units below it.
  const leadDisabled = useMemo(() => {
    if (me.role !== 'unit_editor' || me.unitId === null || units.length === 0) return undefined;
    const reach = subtreeIds(units, me.unitId);
    return new Set<Id>(units.filter((unit) => !reach.has(unit.id)).map((unit) => unit.id));
  }, [me.role, me.unitId, units]);

  const initialValues = useMemo<ProjectFormValues>(() => {
    if (project) return valuesFromProject(project);
    return {
      stage: 'planning',
      leadUnitId: me.role === 'unit_editor' && me.unitId !== null ? Number(me.unitId) : undefined,
      annualPlans: [],
      tags: [],
    };
  }, [project, me.role, me.unitId]);

  const submit = async (values: ProjectFormValues) => {
    setBusy(true);
    try {
      const body = inputFromValues(values, creating);
      const saved = creating ? await projectsApi.create(body) : await projectsApi.update(id, body);
      queryClient.setQueryData(projectQuery(saved.id).queryKey, saved);
      void invalidateProjects();
      message.success(creating ? tp('form.created') : t('common.saved'));
      navigate(`/projects/${saved.id}`, { replace: !creating });
    } catch (e) {
      const shown = placeProjectError(form, e);
      if (shown) message.error(shown);
      setBusy(false);
    }
  };

  const cancel = () => navigate(creating ? '/projects' : `/projects/${id}`);

  if (loadError) {
    return loadError.status === 404 || loadError.status === 403 ? (
      <Result
        status="404"
        title={tp('detail.notFound')}
        extra={<Button onClick={() => navigate('/projects')}>{tp('detail.backToList')}</Button>}
      />
    ) : (
      <Alert type="error" showIcon title={loadError.message} />
    );
  }
  if ((!creating && !project) || unitsLoading) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <>
      <PageHeader title={creating ? tp('form.createTitle') : `${tp('form.editTitle')} · ${project!.name}`} />
      <Form<ProjectFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onFinishFailed={({ errorFields }) => {
          message.warning({ content: tp('form.checkFields'), key: 'project-form-check' });
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        scrollToFirstError={false}
        // A long form: only 保存 saves; Enter in a field does not.
        onKeyDown={keepEnterFromSubmitting}
        data-testid="project-form"
      >
        <BasicSection creating={creating} industries={industries} />
        {/* Right under the name and code, before the rest is filled in. */}
        <DuplicateWarning exceptId={creating ? undefined : id} />
        <PartiesSection roots={roots} units={units} leadDisabled={leadDisabled} />
        <InvestmentSection form={form} />
        <ScheduleSection />
        <FactorsSection />
        <TagsSection />
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            display: 'flex',
            justifyContent: 'flex-end',
            gap: 8,
            padding: '12px 16px',
            margin: '0 -4px',
            background: 'rgba(255,255,255,0.96)',
            borderTop: '1px solid #e5e8ef',
            boxShadow: '0 -2px 8px rgba(15,42,74,0.06)',
            borderRadius: 6,
          }}
        >
          <Button onClick={cancel} data-testid="project-cancel">
            {tp('form.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="project-save">
            {tp('form.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
