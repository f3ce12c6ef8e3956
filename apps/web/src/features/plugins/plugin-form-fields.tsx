'use client';

import { REGISTRATION_BREAKING_POLICIES } from '@registry/contracts';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { FormField } from '@/components/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { BREAKING_POLICY_LABELS, breakingPolicyLabel } from './breaking-policy-labels';
import type { PluginFormValues } from './plugin-form-schema';

/**
 * The plugin's fields, each with the error the contract gave it. The slug names the plugin in
 * every URL and cannot change: editing shows it fixed.
 */
export function PluginFormFields({
  register,
  errors,
  idPrefix,
  editing = false,
}: {
  register: UseFormRegister<PluginFormValues>;
  errors: FieldErrors<PluginFormValues>;
  idPrefix: string;
  editing?: boolean;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={`${idPrefix}-name`} label="Name" error={errors.name?.message}>
        {(control) => <Input {...control} autoComplete="off" {...register('name')} />}
      </FormField>
      <FormField
        id={`${idPrefix}-slug`}
        label="Slug"
        hint={editing ? 'Names the plugin in every URL; it cannot change.' : 'e.g. billing-gateway'}
        error={errors.slug?.message}
      >
        {(control) => (
          <Input
            {...control}
            autoComplete="off"
            className="font-mono"
            readOnly={editing}
            {...register('slug')}
          />
        )}
      </FormField>
      <FormField
        id={`${idPrefix}-api-endpoint`}
        label="API endpoint"
        hint="Base URL the registry calls the plugin's actions at; it must prove it is yours."
        error={errors.api_endpoint?.message}
      >
        {(control) => (
          <Input
            {...control}
            type="url"
            className="font-mono"
            placeholder="https://plugin.example.com"
            {...register('api_endpoint')}
          />
        )}
      </FormField>
      <FormField
        id={`${idPrefix}-webhook-url`}
        label="Webhook URL"
        hint="Optional: where the plugin's subscribed events are sent."
        error={errors.webhook_url?.message}
      >
        {(control) => (
          <Input
            {...control}
            type="url"
            className="font-mono"
            placeholder="https://plugin.example.com/webhooks"
            {...register('webhook_url')}
          />
        )}
      </FormField>
      <FormField
        id={`${idPrefix}-events`}
        label="Events"
        hint="One per line, or separated by commas."
        error={errors.events?.message}
      >
        {(control) => <Textarea {...control} className="min-h-20" {...register('events')} />}
      </FormField>
      <FormField
        id={`${idPrefix}-config`}
        label="Config (JSON object)"
        error={errors.config?.message}
      >
        {(control) => <Textarea {...control} className="min-h-20" {...register('config')} />}
      </FormField>
      <FormField
        id={`${idPrefix}-breaking-policy`}
        label="Breaking registrations"
        hint="What happens when the plugin re-registers with a change that would break its callers."
        error={errors.breaking_policy?.message}
      >
        {(control) => (
          <NativeSelect {...control} {...register('breaking_policy')}>
            <option value="">{breakingPolicyLabel(null)}</option>
            {REGISTRATION_BREAKING_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {BREAKING_POLICY_LABELS[policy]}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
    </div>
  );
}
