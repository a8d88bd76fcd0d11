"""Model fields that enforce their rules on every save, not only in forms."""

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django_prose_editor.fields import ProseEditorField

from . import images
from .sanitize import EDITOR_EXTENSIONS, clean_html


class RichTextField(ProseEditorField):
    """HTML edited with the prose editor and passed through the allow-list.

    The editor's own cleaning runs only in forms; ``pre_save`` cleans again so
    the importer, the shell and data migrations cannot store unsafe markup.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", clean_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


class SafeImageField(models.ImageField):
    """An ImageField that validates uploads with Pillow and strips their metadata.

    New files are re-encoded in ``pre_save`` (whatever saved them) and stored
    under an unguessable name.
    """

    default_validators = [images.validate_image]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", images.unguessable_upload_to)
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("upload_to") is images.unguessable_upload_to:
            del kwargs["upload_to"]
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            images.validate_image(file)
            file.file = images.scrub(file)
            file.name = file.file.name
        return super().pre_save(model_instance, add)


#: The web only: Django's URL fields would also take ftp:// and ftps://,
#: which readers' browsers do not open and the database refuses
#: (``models.checks.web_address``).
validate_web_url = URLValidator(schemes=["http", "https"])


class WebURLFormField(forms.URLField):
    default_validators = [validate_web_url]


class WebURLField(models.URLField):
    """A URL field for links readers follow: http(s) only, in forms and full_clean."""

    default_validators = [validate_web_url]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebURLFormField, **kwargs})
