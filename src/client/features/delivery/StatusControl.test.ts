import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StatusControl from './StatusControl.vue'

describe('the status control', () => {
  it('stays active, says so when nothing changed, and saves a new status', async () => {
    const wrapper = mount(StatusControl, { props: { id: 'k9', label: 'Project status', status: 'at-risk' } })
    const button = wrapper.get('button')
    expect(button.attributes('disabled')).toBeUndefined()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('save')).toBeUndefined()
    expect(wrapper.get('#status-k9-error').text()).toBe(
      'Error: The status is already at risk. Choose another status to save.',
    )
    expect(wrapper.get('select').attributes('aria-invalid')).toBe('true')

    await wrapper.get('select').setValue('off-track')
    expect(wrapper.find('#status-k9-error').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('save')).toEqual([['off-track']])
  })
})
